import { HomeOutlined } from '@ant-design/icons';
import { defineModule, lazyNamed } from '../module';

/** The home page: today's staffing at a glance, and the demo data on an empty console. */
export const app = defineModule({
  name: 'app',
  pages: [
    {
      key: 'home',
      icon: HomeOutlined,
      page: lazyNamed(
        () => import('./HomePage').then((page) => page.homeCardsLoaded.then(() => page)),
        'HomePage',
      ),
      needs: 'app.info',
      order: 10,
    },
  ],
  // The demo fills every module at once.
  invalidates: { 'app.loadDemo': ['*'] },
});
