/** HassBroadcast: a message spoken on every other satellite, or in one area ("tell everyone dinner is ready"). */
import { defineIntent, TARGET_SLOTS } from '../../../hub/sdk/index.js';

export const broadcast = defineIntent({
  targets: 'none',
  slots: { message: { list: 'announcement' }, area: TARGET_SLOTS.area },
  sentences: [
    {
      sentences: [
        '(tell everyone|announce) [that] {announcement:message}',
        'announce in [the] {area} [that] {announcement:message}',
      ],
    },
    {
      // Typed (and heard in other words once the recogniser takes free speech): too many ways to say it for the JSGF grammar.
      spoken: false,
      sentences: [
        '[please] (tell|let|inform|remind|notify|call|shout to|say to|ask) <everyone> [know|know that|that] {announcement:message}',
        '[please] (announce|broadcast|intercom) [to <everyone>] [that] {announcement:message}',
        '[please] (say|shout|call out) (to|for) <everyone> [that] {announcement:message}',
        '[please] (announce|broadcast) [that] {announcement:message} to (everyone|everybody|every room|all rooms|the whole house)',
        '[please] (announce|broadcast|say|shout) (in|to|into) <area> [that] {announcement:message}',
        '[please] (announce|broadcast|say|shout) [that] {announcement:message} (in|to|into) <area>',
        '[please] (tell|let) <area> [know] [that] {announcement:message}',
        '[please] (make|do|give) (an|a) (announcement|broadcast) [to <everyone>] (saying|that|to say|which says) {announcement:message}',
        '[please] (make|do|give) (an|a) (announcement|broadcast) (in|to) <area> (saying|that|to say) {announcement:message}',
        '[please] (announce|broadcast) {announcement:message}',
      ],
    },
  ],
});
