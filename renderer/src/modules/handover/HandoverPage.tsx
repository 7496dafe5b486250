import { Badge, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { HandoverView } from './HandoverView';
import { IncomingTab } from './IncomingTab';
import { LogTab } from './LogTab';
import { useMyHandovers } from './mine';
import { OpenItemsTab } from './OpenItemsTab';
import { PrintView } from './PrintView';
import { HandoverRefsProvider } from './refs';
import { goHandover, useHandoverRoute, type HandoverTab } from './route';
import { SettingsTab } from './SettingsTab';
import { WriteTab } from './WriteTab';
import './handover.css';

function HandoverTabs({ tab }: { tab?: HandoverTab }) {
  const { t } = useTranslation('handover');
  const can = useSession((s) => s.can);
  const writes = can('handover.start');
  const incoming = useMyHandovers('incoming', 'submitted', writes).rows.length;
  const tabs = [
    writes && { key: 'write', label: t('handover.tabs.write'), children: <WriteTab /> },
    writes && {
      key: 'incoming',
      label: (
        <span>
          {t('handover.tabs.incoming')}{' '}
          <Badge count={incoming} size="small" style={{ marginInlineStart: 4 }} />
        </span>
      ),
      children: <IncomingTab />,
    },
    { key: 'log', label: t('handover.tabs.log'), children: <LogTab /> },
    { key: 'items', label: t('handover.tabs.items'), children: <OpenItemsTab /> },
    can('handover.updateSettings') && {
      key: 'settings',
      label: t('handover.tabs.settings'),
      children: <SettingsTab />,
    },
  ].filter((x) => !!x);
  // Supervisors land on writing; everyone else reads the log.
  const active = tabs.some((x) => x.key === tab) ? tab : tabs[0]?.key;
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => goHandover({ tab: key as HandoverTab })}
      destroyOnHidden
      items={tabs}
    />
  );
}

/**
 * 交接班: the outgoing lead writes, the incoming lead signs; the log, the open items across
 * shifts, and the admin's settings. The address says which tab or handover is open.
 */
export function HandoverPage() {
  const route = useHandoverRoute();
  return (
    <HandoverRefsProvider>
      {route.print ? (
        <PrintView id={route.print} from={route.tab} />
      ) : route.id ? (
        <HandoverView key={route.id} id={route.id} from={route.tab} />
      ) : (
        <HandoverTabs tab={route.tab} />
      )}
    </HandoverRefsProvider>
  );
}
