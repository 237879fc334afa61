import { defectSuite } from './suite.ts';

// One file, so the labelled documents take one vitest worker at a time rather than crowding the machine.
defectSuite(0, 1);
