import type { Generated } from 'kysely';
import type {
  HandoverState,
  ItemEventAction,
  ItemPriority,
  ItemStatus,
} from '../../../shared/domain/handover';

export interface HandoversTable {
  id: Generated<number>;
  work_date: string;
  shift_type_id: number;
  team_id: number | null;
  team_key: number;
  state: HandoverState;
  outgoing_user_id: number;
  outgoing_name: string;
  incoming_user_id: number | null;
  incoming_name: string | null;
  staffing_remark: string | null;
  seats_status: string | null;
  calls_offered: number | null;
  calls_answered: number | null;
  calls_abandoned: number | null;
  service_level: number | null;
  aht_seconds: number | null;
  notices: string | null;
  escalations: string | null;
  remarks: string | null;
  dispute_remark: string | null;
  submitted_at: string | null;
  acknowledged_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface HandoverItemsTable {
  id: Generated<number>;
  category: string;
  description: string;
  reference: string | null;
  priority: ItemPriority;
  due_at: string | null;
  owner: string | null;
  team_key: number;
  status: ItemStatus;
  resolution: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
}

export interface HandoverItemLinksTable {
  handover_id: number;
  item_id: number;
  carried: number;
  snapshot: string | null;
}

export interface HandoverItemEventsTable {
  id: Generated<number>;
  item_id: number;
  handover_id: number | null;
  at: string;
  user_name: string;
  action: ItemEventAction;
  changes: string | null;
}

export interface HandoverAddendaTable {
  id: Generated<number>;
  handover_id: number;
  author_user_id: number | null;
  author_name: string;
  at: string;
  text: string;
}

export interface HandoverSearchTable {
  /** The handover's id. */
  rowid: number;
  body: string;
}

export interface HandoverTables {
  handovers: HandoversTable;
  handover_items: HandoverItemsTable;
  handover_item_links: HandoverItemLinksTable;
  handover_item_events: HandoverItemEventsTable;
  handover_addenda: HandoverAddendaTable;
  handover_search: HandoverSearchTable;
}
