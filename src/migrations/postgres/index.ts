import * as migration_20261127_005857_initial from './20261127_005857_initial';

export const migrations = [
  {
    up: migration_20261127_005857_initial.up,
    down: migration_20261127_005857_initial.down,
    name: '20261127_005857_initial'
  },
];
