/** The timers skill's intents: timers, the time and date (alarms: skills/alarms). */
import { cancelAllTimers, cancelTimer } from './cancel-timer.js';
import { currentDate } from './current-date.js';
import { currentTime } from './current-time.js';
import { decreaseTimer } from './decrease-timer.js';
import { increaseTimer } from './increase-timer.js';
import { pauseTimer } from './pause-timer.js';
import { startTimer } from './start-timer.js';
import { timerStatus } from './timer-status.js';
import { unpauseTimer } from './unpause-timer.js';

export const timersIntents = {
  HassStartTimer: startTimer,
  HassCancelTimer: cancelTimer,
  HassCancelAllTimers: cancelAllTimers,
  HassPauseTimer: pauseTimer,
  HassUnpauseTimer: unpauseTimer,
  HassTimerStatus: timerStatus,
  HassIncreaseTimer: increaseTimer,
  HassDecreaseTimer: decreaseTimer,
  HassGetCurrentTime: currentTime,
  HassGetCurrentDate: currentDate,
};
