// One place that binds htm to preact, so pages import `html` and the hooks from here.
import { h, render } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
export { render };
export { useState, useEffect, useRef, useCallback } from 'preact/hooks';
