import * as migration_20261126_231923_initial from './20261126_231923_initial';

export const migrations = [
  {
    up: migration_20261126_231923_initial.up,
    down: migration_20261126_231923_initial.down,
    name: '20261126_231923_initial'
  },
];
