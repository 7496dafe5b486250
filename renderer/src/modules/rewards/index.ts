import { TrophyOutlined } from '@ant-design/icons';
import { defineModule, lazyNamed } from '../module';

/** 奖惩: the approval queue, proposals, a person's standing, the monthly report, the catalog. */
export const rewards = defineModule({
  name: 'rewards',
  pages: [
    {
      key: 'rewards',
      icon: TrophyOutlined,
      page: lazyNamed(() => import('./RewardsPage'), 'RewardsPage'),
      needs: 'rewards.records.list',
      order: 45,
    },
  ],
  homeCards: [
    {
      card: lazyNamed(() => import('./HomeRewardsCard'), 'HomeRewardsCard'),
      needs: 'rewards.records.propose',
      order: 20,
    },
  ],
  invalidates: {
    'rewards.': ['rewards.'],
  },
});
