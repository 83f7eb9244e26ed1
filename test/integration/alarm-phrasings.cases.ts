/**
 * How people ask for alarms, reminders, snooze, "stop" and announcements, written by the team (not taken from any
 * corpus): the intent and the slots each must produce. Slots not listed must be absent.
 */
import type { SlotValue } from '../../hub/sdk/intents.js';

export type AlarmCase = [text: string, intent: string, slots: Record<string, SlotValue>];

const SET = 'HearthSetAlarm';
const REMIND = 'HearthSetReminder';
const LIST = 'HearthListAlarms';
const CANCEL = 'HearthCancelAlarm';

export const ALARM_CASES: AlarmCase[] = [
  // One-time alarms at a clock time
  ['set an alarm for 7', SET, { hour: 7 }],
  ['set an alarm for 7am', SET, { hour: 7, period: 'am' }],
  ['set an alarm for 6:45', SET, { hour: 6, minute: 45 }],
  ['set my alarm for a quarter past six', SET, { hour: 6, minute: 15 }],
  ['alarm for half past eight please', SET, { hour: 8, minute: 30 }],
  ['could you set an alarm at 5 in the morning', SET, { hour: 5, period: 'am' }],
  ['wake me up at six fifteen', SET, { hour: 6, minute: 15 }],
  ['wake me at seven tomorrow', SET, { hour: 7, day: 'tomorrow' }],
  ['wake us up at 8 on saturday', SET, { hour: 8, day: 'saturday' }],
  ['set an alarm for quarter to seven', SET, { hour: 7, minute_to: 15 }],
  ['set an alarm for ten to six', SET, { hour: 6, minute_to: 10 }],
  ['i need to get up at 5 30 tomorrow', SET, { hour: 5, minute: 30, day: 'tomorrow' }],
  ['i have to be up by six', SET, { hour: 6 }],
  ['for half six set an alarm', SET, { hour: 6, minute: 30 }],
  ['can i get a wake up call at ten to seven', SET, { hour: 7, minute_to: 10 }],
  ["make sure i'm up by half eight", SET, { hour: 8, minute: 30 }],
  ['we need to be awake by quarter past five tomorrow', SET, { hour: 5, minute: 15, day: 'tomorrow' }],
  ['make an alarm for noon', SET, { hour: 'noon' }],
  ['set an alarm for midnight', SET, { hour: 'midnight' }],
  ['create an alarm for 9 pm tonight', SET, { hour: 9, period: 'pm', day: 'tonight' }],
  ['set an alarm for tomorrow at 6', SET, { day: 'tomorrow', hour: 6 }],
  ['tomorrow morning wake me at 7', SET, { day: 'tomorrow', period: 'am', hour: 7 }],
  ['alarm at 7 30 tomorrow', SET, { hour: 7, minute: 30, day: 'tomorrow' }],
  ['set the alarm clock for 6', SET, { hour: 6 }],
  ['set a wake up call for 5 45', SET, { hour: 5, minute: 45 }],
  ['new alarm 8 o clock', SET, { hour: 8 }],
  ['put an alarm on for seven thirty', SET, { hour: 7, minute: 30 }],
  ['set an alarm for 14:30', SET, { hour: 14, minute: 30 }],
  ['set an alarm for seven oh five', SET, { hour: 7, minute: 5 }],
  ['please set an alarm on friday at 6 am', SET, { day: 'friday', hour: 6, period: 'am' }],
  ['set an alarm for this evening at 8', SET, { period: 'pm', hour: 8 }],
  ['i want an alarm at 6 tomorrow', SET, { hour: 6, day: 'tomorrow' }],
  ['get me up at half six', SET, { hour: 6, minute: 30 }],
  ['make sure i wake up at 7', SET, { hour: 7 }],
  // Relative
  ['set an alarm for 20 minutes from now', SET, { minutes: 20 }],
  ['set an alarm in an hour', SET, { hours: 1 }],
  ['alarm in 45 minutes', SET, { minutes: 45 }],
  ['alert me in two hours', SET, { hours: 2 }],
  // Repeating
  ['set an alarm for 6:30 every weekday', SET, { hour: 6, minute: 30, repeat: 'weekdays' }],
  ['wake me up at 6:30 on weekdays', SET, { hour: 6, minute: 30, repeat: 'weekdays' }],
  ['set an alarm on saturdays at 9', SET, { repeat: 'saturday', hour: 9 }],
  ['every sunday at 10 wake me up', SET, { repeat: 'sunday', hour: 10 }],
  ['set a daily alarm at 7', SET, { repeat: 'daily', hour: 7 }],
  ['alarm every day at 5 am', SET, { repeat: 'daily', hour: 5, period: 'am' }],
  ['set a weekend alarm for 9', SET, { repeat: 'weekends', hour: 9 }],
  ['set an alarm at 8 at weekends', SET, { hour: 8, repeat: 'weekends' }],
  ['i want to wake up at 6 every morning', SET, { hour: 6, repeat: 'daily' }],
  ['set an alarm for monday to friday at 7 15', SET, { repeat: 'weekdays', hour: 7, minute: 15 }],
  // Labels
  ['set an alarm for 4 pm called school pickup', SET, { hour: 4, period: 'pm', name: 'school pickup' }],
  ['set an alarm named gym for 6 tomorrow', SET, { name: 'gym', hour: 6, day: 'tomorrow' }],
  // No time yet
  ['set an alarm', SET, {}],
  ['i need an alarm', SET, {}],

  // Reminders
  ['remind me to call grandma at five', REMIND, { message: 'call grandma', hour: 5 }],
  ['remind me in 20 minutes to take the bread out', REMIND, { minutes: 20, message: 'take the bread out' }],
  ['remind me at 6 pm to water the plants', REMIND, { hour: 6, period: 'pm', message: 'water the plants' }],
  ['remind me tomorrow at 9 to call the dentist', REMIND, { day: 'tomorrow', hour: 9, message: 'call the dentist' }],
  ['remind us to feed the cat every day at 8', REMIND, { message: 'feed the cat', repeat: 'daily', hour: 8 }],
  ['set a reminder to take my pills at 8 am', REMIND, { message: 'take my pills', hour: 8, period: 'am' }],
  ['set a reminder for 3 pm to pick up the kids', REMIND, { hour: 3, period: 'pm', message: 'pick up the kids' }],
  ["don't let me forget to buy milk at 5", REMIND, { message: 'buy milk', hour: 5 }],
  ['reminder at noon to check the oven', REMIND, { hour: 'noon', message: 'check the oven' }],
  ['remind me on friday to pay the rent', REMIND, { day: 'friday', message: 'pay the rent' }],
  ['remind me about the meeting at 10', REMIND, { message: 'the meeting', hour: 10 }],
  ['in half an hour remind me to turn the oven off', REMIND, { minutes: 30, message: 'turn the oven off' }],
  ['remind me to take out the bins', REMIND, { message: 'take out the bins' }],

  // Which alarms are set
  ['what alarms do i have', LIST, {}],
  ['which alarms are set', LIST, {}],
  ['what time is my alarm set for', LIST, {}],
  ['when is my next alarm', LIST, {}],
  ['do i have an alarm set for tomorrow', LIST, { day: 'tomorrow' }],
  ['is my alarm on', LIST, {}],
  ['list my alarms', LIST, {}],
  ['show me all my alarms', LIST, {}],
  ['what reminders do i have', LIST, {}],
  ['when will my alarm go off', LIST, {}],
  ['do i have any alarms on saturday', LIST, { day: 'saturday' }],
  ['have i set an alarm for the morning', LIST, { period: 'am' }],
  ['tell me my alarms', LIST, {}],
  ['how many alarms have i got', LIST, {}],
  ['are there any alarms set', LIST, {}],
  ['what is my next reminder', LIST, {}],

  // Delete / turn off
  ['cancel my alarm', CANCEL, {}],
  ['delete the 7 o clock alarm', CANCEL, { hour: 7 }],
  ['delete the 7 am alarm', CANCEL, { hour: 7, period: 'am' }],
  ['turn off all alarms', CANCEL, { all: 'all' }],
  // No sentence fits: read from its parts (the second stage), the words left over naming the alarm.
  ["delete the alarm for grandma's pills", CANCEL, { name: 'grandma pills' }],
  ['cancel all my alarms', CANCEL, { all: 'all' }],
  ['remove the alarm for tomorrow', CANCEL, { day: 'tomorrow' }],
  ["cancel tomorrow's alarm", CANCEL, { day: 'tomorrow' }],
  ['switch off the 6 30 alarm', CANCEL, { hour: 6, minute: 30 }],
  ['get rid of the alarm called gym', CANCEL, { name: 'gym' }],
  ['cancel the yoga alarm', CANCEL, { name: 'yoga' }],
  ['set a school alarm for 7 on weekdays', SET, { name: 'school', hour: 7, repeat: 'weekdays' }],
  ['delete my reminder to call grandma', CANCEL, { message: 'call grandma' }],
  ['i do not need the alarm anymore', CANCEL, {}],
  ["don't wake me up tomorrow", CANCEL, { day: 'tomorrow' }],
  ['no alarm on saturday', CANCEL, { day: 'saturday' }],
  ['turn the alarm off', CANCEL, {}],
  ['clear all reminders', CANCEL, { all: 'all' }],
  ['disable the monday alarm', CANCEL, { day: 'monday' }],

  // Snooze
  ['snooze', 'HearthSnooze', {}],
  ['snooze for 10 minutes', 'HearthSnooze', { minutes: 10 }],
  ['five more minutes', 'HearthSnooze', { minutes: 5 }],
  ['give me ten more minutes', 'HearthSnooze', { minutes: 10 }],
  ['snooze the alarm', 'HearthSnooze', {}],
  ['let me sleep a bit longer', 'HearthSnooze', {}],

  // Stop whatever sounds
  ['stop', 'HearthStop', {}],
  ['stop it', 'HearthStop', {}],
  ['be quiet', 'HearthStop', {}],
  ['okay i am up', 'HearthStop', {}],
  ['silence', 'HearthStop', {}],
  ['that is enough', 'HearthStop', {}],
  ['stop the ringing', 'HearthStop', {}],

  // Announcements
  ['tell everyone dinner is ready', 'HassBroadcast', { message: 'dinner is ready' }],
  ['announce that the movie is starting', 'HassBroadcast', { message: 'the movie is starting' }],
  ['broadcast time to leave for school', 'HassBroadcast', { message: 'time to leave for school' }],
  ["announce in the kids room that it's bedtime", 'HassBroadcast', { area: 'Kids Room', message: 'it is bedtime' }],
  ['let everybody know we are leaving in five minutes', 'HassBroadcast', { message: 'we are leaving in five minutes' }],
  ['say to the whole house lunch is on the table', 'HassBroadcast', { message: 'lunch is on the table' }],
  ['make an announcement saying the car is here', 'HassBroadcast', { message: 'the car is here' }],
  ['tell the kitchen that i am on my way down', 'HassBroadcast', { area: 'Kitchen', message: 'i am on my way down' }],
];
