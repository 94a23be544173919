export * from './config';
export { InlineDisables } from './inlineDisables';
export { findConfigFile, loadConfigFile, CONFIG_FILE_NAME, type LoadedConfig } from './loader';
