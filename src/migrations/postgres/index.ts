import * as migration_20261126_231246_initial from './20261126_231246_initial';

export const migrations = [
  {
    up: migration_20261126_231246_initial.up,
    down: migration_20261126_231246_initial.down,
    name: '20261126_231246_initial'
  },
];
