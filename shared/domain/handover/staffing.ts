/** The roll-call's counts of one shift, as attendance reports them (present means on time). */
export interface ShiftCounts {
  scheduled: number;
  present: number;
  late: number;
  absent: number;
  leave: number;
  unrecorded: number;
}

/**
 * The handover's staffing box (人员情况): 实到 counts everyone who came, late arrivals included,
 * and 迟到 is shown as part of it, so the box adds up: 应到 = 实到 + 旷工 + 请假 + 未点名.
 */
export function staffingBox(counts: ShiftCounts) {
  return {
    scheduled: counts.scheduled,
    arrived: counts.present + counts.late,
    late: counts.late,
    absent: counts.absent,
    leave: counts.leave,
    unrecorded: counts.unrecorded,
  };
}
export type StaffingBox = ReturnType<typeof staffingBox>;
