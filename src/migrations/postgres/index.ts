import * as migration_20261127_005857_initial from './20261127_005857_initial';
import * as migration_20261201_215817_audit_schedule from './20261201_215817_audit_schedule';
import * as migration_20261201_220548_users_sign_in_throttle_api_key_last_used from './20261201_220548_users_sign_in_throttle_api_key_last_used';
import * as migration_20261201_234936_editions from './20261201_234936_editions';
import * as migration_20261205_062100_wave_two from './20261205_062100_wave_two';

export const migrations = [
  {
    up: migration_20261127_005857_initial.up,
    down: migration_20261127_005857_initial.down,
    name: '20261127_005857_initial',
  },
  {
    up: migration_20261201_215817_audit_schedule.up,
    down: migration_20261201_215817_audit_schedule.down,
    name: '20261201_215817_audit_schedule',
  },
  {
    up: migration_20261201_220548_users_sign_in_throttle_api_key_last_used.up,
    down: migration_20261201_220548_users_sign_in_throttle_api_key_last_used.down,
    name: '20261201_220548_users_sign_in_throttle_api_key_last_used',
  },
  {
    up: migration_20261201_234936_editions.up,
    down: migration_20261201_234936_editions.down,
    name: '20261201_234936_editions',
  },
  {
    up: migration_20261205_062100_wave_two.up,
    down: migration_20261205_062100_wave_two.down,
    name: '20261205_062100_wave_two'
  },
];
