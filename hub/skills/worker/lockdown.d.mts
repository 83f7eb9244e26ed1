export declare const NETWORK_MODULES: string[];
export declare const NETWORK_GLOBALS: string[];
export declare function deniedError(what: string, permission?: 'Network' | 'Process'): Error & { code: string; permission: string; resource: string };
export declare function lockDown(): void;
