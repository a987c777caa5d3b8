import * as migration_20261127_005837_initial from './20261127_005837_initial';

export const migrations = [
  {
    up: migration_20261127_005837_initial.up,
    down: migration_20261127_005837_initial.down,
    name: '20261127_005837_initial'
  },
];
