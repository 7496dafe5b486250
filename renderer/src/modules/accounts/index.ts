import { SafetyOutlined } from '@ant-design/icons';
import { defineModule, lazyNamed } from '../module';

/** Accounts and security: the administrator's users page (sign-in and the user menu live here too). */
export const accounts = defineModule({
  name: 'accounts',
  pages: [
    {
      key: 'users',
      icon: SafetyOutlined,
      page: lazyNamed(() => import('./UsersPage'), 'UsersPage'),
      needs: 'accounts.users.list',
      order: 100,
    },
  ],
  // A supervisor's account is a lead a handover can be given to.
  invalidates: { 'accounts.users.': ['accounts.', 'handover.leads'] },
});
