import * as migration_20261126_230221_initial from './20261126_230221_initial';

export const migrations = [
  {
    up: migration_20261126_230221_initial.up,
    down: migration_20261126_230221_initial.down,
    name: '20261126_230221_initial'
  },
];
