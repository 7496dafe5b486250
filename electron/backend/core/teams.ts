import { failure, type Channel, type Output, type ParsedInput } from '../../../shared/contract';
import { teamsOfStaff } from '../../../db/queries/org/staff';
import type { HandlerContext, Session } from './context';

/**
 * Team scope: a supervisor sees and writes only the teams they lead; managers, HR and admins
 * reach every team. Each channel declares once what its input reaches and how its answer is
 * narrowed (`TeamRule`, in the module's `team-scope.ts`); the backend core applies the rule to
 * every call, before and after the handler, so no handler checks teams by hand.
 */
export class TeamScope {
  private constructor(
    /** Every team (managers, HR, admins). */
    readonly all: boolean,
    /** A supervisor's own teams; empty for a supervisor no team is assigned to. */
    readonly teamIds: readonly number[],
  ) {}

  static readonly EVERY_TEAM = new TeamScope(true, []);

  static of(session: Pick<Session, 'role' | 'teamIds'> | null): TeamScope {
    if (!session || session.role !== 'supervisor') return TeamScope.EVERY_TEAM;
    return new TeamScope(false, session.teamIds ?? []);
  }

  /**
   * Whether one team's data is the caller's. `null` is the whole floor (a floor handover, an
   * item of it): every supervisor with a team of their own takes part in it.
   */
  allows(teamId: number | null): boolean {
    if (this.all) return true;
    return teamId === null ? this.teamIds.length > 0 : this.teamIds.includes(teamId);
  }

  /** For a query: null for every team, else the teams to keep. */
  get filter(): readonly number[] | null {
    return this.all ? null : this.teamIds;
  }

  /**
   * Keeps the rows whose team is the caller's. A row of no team is, by default, people without a
   * team (only managers' data); `'floor'` reads it as the whole floor's (handovers, their items).
   */
  keep<T>(
    rows: readonly T[],
    teamOf: (row: T) => number | null,
    noTeam: 'nobody' | 'floor' = 'nobody',
  ): T[] {
    if (this.all) return [...rows];
    return rows.filter((row) => {
      const team = teamOf(row);
      return noTeam === 'floor' ? this.allows(team) : this.ownsStaff(team);
    });
  }

  /** Keeps the rows with someone of the caller's teams (a swap between two teams shows to both). */
  async keepByStaff<T>(
    ctx: Pick<HandlerContext, 'db'>,
    rows: readonly T[],
    staffOf: (row: T) => readonly number[],
  ): Promise<T[]> {
    if (this.all) return [...rows];
    const teams = await teamsOfStaff(ctx.db, rows.flatMap(staffOf));
    return rows.filter((row) => staffOf(row).some((id) => this.ownsStaff(teams.get(id))));
  }

  /** Whether a person of this team is the caller's: one without a team is only managers', HR's, admins'. */
  ownsStaff(teamId: number | null | undefined) {
    return this.all || (teamId !== undefined && teamId !== null && this.allows(teamId));
  }

  /** Refuses a call that reaches another team's data (or any, for a supervisor with no team). */
  async check(ctx: Pick<HandlerContext, 'db'>, reach: TeamReach) {
    if (this.all) return;
    const teams = (reach.teams ?? []).filter((t) => t !== undefined);
    const people = await teamsOfStaff(ctx.db, reach.staff ?? []);
    const outside =
      teams.some((t) => !this.allows(t)) || [...people.values()].some((t) => !this.ownsStaff(t));
    if (outside || (reach.needsTeam && this.teamIds.length === 0)) throw this.refusal();
  }

  private refusal() {
    return this.teamIds.length === 0
      ? failure('forbidden', 'no team is assigned to this supervisor', { key: 'errors.noTeams' })
      : failure('forbidden', "another team's data", { key: 'errors.otherTeam' });
  }
}

/** What one call's input reaches: teams by id (null: the whole floor) and people by staff id. */
export interface TeamReach {
  teams?: readonly (number | null | undefined)[];
  staff?: readonly number[];
  /** The call writes or reads team data even when its input names none (a supervisor needs a team). */
  needsTeam?: boolean;
}

/**
 * A channel's team rule:
 * - `'not team data'`: settings, accounts, leave types — the same for everyone who may call it;
 * - `reach`: which teams and people the input touches, checked before the handler (inside the
 *   transaction, so a refused call writes nothing);
 * - `narrow`: the answer cut to the caller's teams, for channels that list every team's rows; or
 *   `'in the handler'` where the filter must go into the query (a paged list), through `ctx.teams`.
 */
export type TeamRule<C extends Channel> =
  | 'not team data'
  | {
      reach?: (ctx: HandlerContext, input: ParsedInput<C>) => TeamReach | Promise<TeamReach>;
      narrow?:
        | ((ctx: HandlerContext, output: Output<C>) => Output<C> | Promise<Output<C>>)
        | 'in the handler';
    };

/** One rule per channel of a module's map: a channel nobody decided about fails to compile. */
export type TeamRulesOf<Map> = { [C in keyof Map & Channel]: TeamRule<C> };
export type TeamRules = { [C in Channel]: TeamRule<C> };

/** A module that holds no team data (accounts, backups …) says so once for all its channels. */
export function noTeamData<Map extends object>(channels: Map): TeamRulesOf<Map> {
  return Object.fromEntries(
    Object.keys(channels).map((c) => [c, 'not team data']),
  ) as TeamRulesOf<Map>;
}

/** Runs a channel's handler under its team rule. */
export async function underTeamRule<C extends Channel>(
  ctx: HandlerContext,
  rule: TeamRule<C>,
  input: ParsedInput<C>,
  handler: () => Promise<Output<C>>,
): Promise<Output<C>> {
  if (rule === 'not team data' || ctx.teams.all) return handler();
  if (rule.reach) await ctx.teams.check(ctx, await rule.reach(ctx, input));
  const output = await handler();
  return typeof rule.narrow === 'function' ? rule.narrow(ctx, output) : output;
}
