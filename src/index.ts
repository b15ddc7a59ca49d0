// Entry point of the action: run one export and nothing else.
import { run } from './main.ts';

void run();
