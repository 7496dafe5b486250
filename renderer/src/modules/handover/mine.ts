import type { HandoverState } from '../../../../shared/domain/handover';
import { useQuery } from '../../api/queries';
import { useSession } from '../../stores/session';

/**
 * The signed-in lead's handovers in one state, as the outgoing or the incoming lead. The list's
 * user filter matches either lead, so the side is picked here.
 */
export function useMyHandovers(
  side: 'outgoing' | 'incoming',
  state: HandoverState,
  enabled = true,
) {
  const me = useSession((s) => s.user);
  const list = useQuery(
    'handover.list',
    enabled && me ? { userId: me.id, state, page: 1, pageSize: 100 } : null,
  );
  const rows = (list.data?.rows ?? []).filter((r) =>
    side === 'outgoing' ? r.outgoingUserId === me?.id : r.incomingUserId === me?.id,
  );
  return { rows, loading: list.loading && enabled, error: list.error, reload: list.reload };
}
