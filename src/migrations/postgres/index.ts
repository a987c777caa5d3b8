import * as migration_20261127_002616_initial from './20261127_002616_initial';

export const migrations = [
  {
    up: migration_20261127_002616_initial.up,
    down: migration_20261127_002616_initial.down,
    name: '20261127_002616_initial'
  },
];
