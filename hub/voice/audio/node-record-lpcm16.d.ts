// node-record-lpcm16 ships no types; this covers the part the microphone source uses.
declare module 'node-record-lpcm16' {
  import type { ChildProcess } from 'node:child_process';
  import type { Readable } from 'node:stream';
  interface RecordOptions {
    sampleRate?: number;
    channels?: number;
    recorder?: 'sox' | 'rec' | 'arecord';
    device?: string;
    audioType?: 'wav' | 'raw';
  }
  interface Recording {
    process: ChildProcess;
    stream(): Readable;
    stop(): void;
  }
  const recorder: { record(options?: RecordOptions): Recording };
  export default recorder;
}
