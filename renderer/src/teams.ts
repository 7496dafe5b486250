import type { Team } from '../../shared/contract';
import { useQuery } from './api/queries';
import { useSession } from './stores/session';

/**
 * The teams the signed-in user works with: a supervisor's own (the backend keeps them to these),
 * every team for managers, HR and admins. `ownTeamId` is where team screens open.
 */
export function useMyTeams() {
  const user = useSession((s) => s.user);
  const teams = useQuery('org.teams.list', {});
  const limited = user?.role === 'supervisor';
  const mine: Team[] | undefined = teams.data?.filter(
    (team) => !limited || user.teamIds.includes(team.id),
  );
  return {
    ...teams,
    data: mine,
    /** A supervisor no team is assigned to: team screens say so instead of showing nothing. */
    noTeams: limited && user.teamIds.length === 0,
    ownTeamId: limited ? user.teamIds[0] : mine?.[0]?.id,
  };
}
