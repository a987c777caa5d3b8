import * as migration_20261127_002603_initial from './20261127_002603_initial';

export const migrations = [
  {
    up: migration_20261127_002603_initial.up,
    down: migration_20261127_002603_initial.down,
    name: '20261127_002603_initial'
  },
];
