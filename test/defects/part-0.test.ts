import { defectSuite } from './suite.ts';

defectSuite(0, 3);
