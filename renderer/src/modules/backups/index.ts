import { DatabaseOutlined } from '@ant-design/icons';
import { defineModule, lazyNamed } from '../module';

/** 备份与恢复: the backups page (and the recovery screen a damaged database opens on). */
export const backups = defineModule({
  name: 'backups',
  pages: [
    {
      key: 'backups',
      icon: DatabaseOutlined,
      page: lazyNamed(() => import('./BackupsPage'), 'BackupsPage'),
      needs: 'backups.list',
      order: 120,
    },
  ],
  // A restore puts every module back as it was.
  invalidates: { 'backups.restore': ['*'], 'backups.recovery.restore': ['*'] },
});
