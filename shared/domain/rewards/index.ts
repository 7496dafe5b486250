/** Rewards and penalties (奖惩): money in fen, the catalog, the record state machine, the ledger, the ladder. */
export * from './money';
export * from './catalog';
export * from './records';
export * from './ledger';
export * from './ladder';
