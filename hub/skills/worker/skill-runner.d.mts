export declare function toWireError(error: unknown): { code: string; message: string };
export declare function skillRunner(send: (message: unknown) => void): (message: unknown) => void;
