/** The backend as transports and tools see it: create one over a data layer, then call it. */
export { createBackend, type Backend, type BackendOptions } from './core/backend';
export { LOCAL_OPERATOR, type BackendInfo, type Session } from './core/context';
export { handlers } from './modules';
