import { TrophyOutlined } from '@ant-design/icons';
import { defineModule, lazyNamed } from '../module';

/** 奖惩: proposing a reward or penalty (with the ladder's suggestion); approval, catalog and person pages follow. */
export const rewards = defineModule({
  name: 'rewards',
  pages: [
    {
      key: 'rewards',
      icon: TrophyOutlined,
      page: lazyNamed(() => import('./ProposePage'), 'ProposePage'),
      needs: 'rewards.records.propose',
      order: 45,
    },
  ],
  invalidates: {
    'rewards.': ['rewards.'],
  },
});
