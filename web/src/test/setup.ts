// Shared by the component tests (jsdom): unmount after each test (Vitest has no globals for RTL's auto-cleanup).
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
