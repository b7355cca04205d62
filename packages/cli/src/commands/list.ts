import type { Ui } from '../output/ui';
import { truncate } from '../output/table';
import { listComponents } from '../workspace';
import { EXIT, ExitCode } from '../errors';

/** The components with their triggers and actions, one line each from component.json. */
export function listCommand(options: { json?: boolean }, ui: Ui): ExitCode {
  const components = listComponents();
  if (options.json) {
    const out = components.map((c) => ({
      component: c.id,
      title: c.descriptor.title,
      description: c.descriptor.description,
      triggers: Object.entries(c.descriptor.triggers ?? {}).map(([name, d]) => ({ name, title: d.title, description: d.description })),
      actions: Object.entries(c.descriptor.actions ?? {}).map(([name, d]) => ({ name, title: d.title, description: d.description })),
    }));
    ui.out(JSON.stringify(out));
    return EXIT.ok;
  }
  if (!components.length) {
    ui.out('No components found (is the repository built? `npm run build`).');
    return EXIT.ok;
  }
  const width = process.stdout.columns || 140;
  for (const c of components) {
    ui.out(`${c.id}${c.descriptor.title ? ` (${c.descriptor.title})` : ''}: ${firstLine(c.descriptor.description)}`);
    const steps = [
      ...Object.entries(c.descriptor.triggers ?? {}).map(([name, d]) => ['trigger', name, d] as const),
      ...Object.entries(c.descriptor.actions ?? {}).map(([name, d]) => ['action', name, d] as const),
    ];
    const nameWidth = Math.max(0, ...steps.map(([, name]) => name.length));
    for (const [kind, name, d] of steps) {
      const text = [d.title, firstLine(d.description)].filter(Boolean).join(': ');
      ui.out(truncate(`  ${kind.padEnd(7)}  ${name.padEnd(nameWidth)}  ${text}`, width));
    }
    ui.out('');
  }
  return EXIT.ok;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim();
}
