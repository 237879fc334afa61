import { defectSuite } from './suite.ts';

defectSuite(1, 3);
