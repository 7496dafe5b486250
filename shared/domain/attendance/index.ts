/** Attendance (考勤): pure rules. Status of a record, shift instances in time, the rules' proposals. */
export * from './status';
export * from './shifts';
export * from './proposals';
