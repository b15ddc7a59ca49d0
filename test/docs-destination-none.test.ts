/**
 * `destination: none` says what it does (issue 12, item 8): the position moves when the action's step
 * succeeds, and the README shows a workflow that keeps the files when the user's own delivery fails.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Step {
  id?: string;
  uses?: string;
  if?: string;
  run?: string;
  with?: Record<string, unknown>;
}

describe('destination: none', () => {
  it("action.yml's description says when the position moves", async () => {
    const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string }>;
    };
    expect(action.inputs.destination!.description).toMatch(/position moves when this step succeeds/);
  });

  it('the README shows delivery in the same job, keeping the files when it fails', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain("The saved position moves when **this action's step** succeeds");
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as unknown);
    const workflow = blocks.find((doc) => JSON.stringify(doc).includes('"destination":"none"')) as {
      jobs: Record<string, { steps: Step[] }>;
    };
    expect(workflow).toBeDefined();
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const exportAt = steps.findIndex((s) => s.with?.destination === 'none');
    const deliverAt = steps.findIndex((s, i) => i > exportAt && s.run?.includes('outputs.output-dir'));
    const keep = steps.find((s, i) => i > deliverAt && s.uses?.startsWith('actions/upload-artifact@'));
    expect(exportAt).toBeGreaterThanOrEqual(0);
    expect(deliverAt).toBeGreaterThan(exportAt);
    expect(keep?.if).toMatch(/failure\(\)/);
    expect(String(keep?.with?.path)).toContain(`steps.${steps[exportAt]!.id}.outputs.output-dir`);
  });
});
