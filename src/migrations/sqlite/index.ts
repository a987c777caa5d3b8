import * as migration_20261127_005837_initial from './20261127_005837_initial';
import * as migration_20261201_215806_audit_schedule from './20261201_215806_audit_schedule';
import * as migration_20261201_220537_users_sign_in_throttle_api_key_last_used from './20261201_220537_users_sign_in_throttle_api_key_last_used';
import * as migration_20261201_234926_editions from './20261201_234926_editions';
import * as migration_20261205_062053_wave_two from './20261205_062053_wave_two';

export const migrations = [
  {
    up: migration_20261127_005837_initial.up,
    down: migration_20261127_005837_initial.down,
    name: '20261127_005837_initial',
  },
  {
    up: migration_20261201_215806_audit_schedule.up,
    down: migration_20261201_215806_audit_schedule.down,
    name: '20261201_215806_audit_schedule',
  },
  {
    up: migration_20261201_220537_users_sign_in_throttle_api_key_last_used.up,
    down: migration_20261201_220537_users_sign_in_throttle_api_key_last_used.down,
    name: '20261201_220537_users_sign_in_throttle_api_key_last_used',
  },
  {
    up: migration_20261201_234926_editions.up,
    down: migration_20261201_234926_editions.down,
    name: '20261201_234926_editions',
  },
  {
    up: migration_20261205_062053_wave_two.up,
    down: migration_20261205_062053_wave_two.down,
    name: '20261205_062053_wave_two'
  },
];
