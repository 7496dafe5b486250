import { AuditOutlined } from '@ant-design/icons';
import { defineModule, lazyNamed } from '../module';

/** 审计日志: who did what and when, its export and the chain check. */
export const audit = defineModule({
  name: 'audit',
  pages: [
    {
      key: 'audit',
      icon: AuditOutlined,
      page: lazyNamed(() => import('./AuditPage'), 'AuditPage'),
      needs: 'audit.list',
      order: 110,
    },
  ],
});
