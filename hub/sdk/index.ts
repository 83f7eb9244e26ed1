export * from './errors.js';
export * from './devices.js';
export * from './intents.js';
export * from './protocol.js';
export * from './skill.js';
