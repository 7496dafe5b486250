/** Shift handover (交接班): pure rules. The sheet's state machine and its deadline; pending items. */
export * from './sheet';
export * from './items';
export * from './instance';
export * from './staffing';
export * from './search';
