import { SwapOutlined } from '@ant-design/icons';
import { defineModule, lazyNamed } from '../module';

/** 交接班: writing, signing, the log and the open items; a home card for what is open or overdue. */
export const handover = defineModule({
  name: 'handover',
  pages: [
    {
      key: 'handover',
      icon: SwapOutlined,
      page: lazyNamed(() => import('./HandoverPage'), 'HandoverPage'),
      needs: 'handover.list',
      order: 40,
      teamData: true,
    },
  ],
  homeCards: [
    {
      card: lazyNamed(() => import('./HomeHandoverCard'), 'HomeHandoverCard'),
      needs: 'handover.openItems',
      order: 10,
    },
  ],
  invalidates: {
    // A sheet's writes change sheets, the lists and the open items, not the settings or the leads.
    'handover.': ['handover.get', 'handover.list', 'handover.openItems'],
    'handover.updateSettings': ['handover.'],
  },
});
