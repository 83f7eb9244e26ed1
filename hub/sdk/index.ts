export * from './errors.js';
export * from './devices.js';
export * from './intents.js';
export * from './protocol.js';
export * from './skill.js';
export * from './driver.js';
export * from './native-driver.js';
export * from './clock.js';
