export { haiDuong2024 } from './hai-duong-2024.ts';
export {
  addKnownProfile,
  defaultProfile,
  findForm,
  findProfile,
  knownProfiles,
} from './registry.ts';
export * from './schema.ts';
export * from './scorecard-schema.ts';
