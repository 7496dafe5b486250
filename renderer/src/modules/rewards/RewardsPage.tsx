import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { ProposePage } from './ProposePage';
import { QueueTab } from './QueueTab';
import { RecordDrawer } from './RecordDrawer';
import { ReportTab } from './ReportTab';
import { goRewards, useRewardsRoute, type RewardsTab } from './route';
import { WhatIfTab } from './WhatIfTab';

/**
 * 奖惩: one page, a tab per task, each shown to the roles the backend lets do it — managers
 * decide in the queue, supervisors propose, everyone reads a person's standing and the month's
 * report, admin keeps the catalog. The address says which tab, person, month or record is open.
 */
export function RewardsPage() {
  const { t } = useTranslation('rewards');
  const can = useSession((s) => s.can);
  const route = useRewardsRoute();
  const tabs = [
    can('rewards.records.approve') && {
      key: 'queue',
      label: t('rewards.tabs.queue'),
      children: <QueueTab />,
    },
    can('rewards.records.propose') && {
      key: 'propose',
      label: t('rewards.tabs.propose'),
      children: <ProposePage />,
    },
    can('rewards.monthReport') && {
      key: 'report',
      label: t('rewards.tabs.report'),
      children: <ReportTab />,
    },
    can('rewards.whatIf') && {
      key: 'whatIf',
      label: t('rewards.tabs.whatIf'),
      children: <WhatIfTab />,
    },
  ].filter((x) => !!x);
  const active = tabs.some((x) => x.key === route.tab) ? route.tab : tabs[0]?.key;
  return (
    <>
      <Tabs
        activeKey={active}
        onChange={(key) => goRewards({ tab: key as RewardsTab })}
        destroyOnHidden
        items={tabs}
      />
      {/* One record, open over whichever tab shows; closing it takes `record` off the address. */}
      <RecordDrawer />
    </>
  );
}
