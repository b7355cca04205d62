// Every component.json is complete the way the platform UI and the OIH adapter guide expect:
// descriptions everywhere, a note on every credential field, a placeholder on every non-secret
// text field, and in/out JSON schemas that exist and compile for every trigger and action.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

interface Field {
  label?: string;
  viewClass?: string;
  note?: string;
  placeholder?: string;
  prompt?: string;
  model?: unknown;
}

interface Step {
  main?: string;
  title?: string;
  description?: string;
  type?: string;
  fields?: Record<string, Field>;
  metadata?: { in?: string | object; out?: string | object };
}

interface ComponentJson {
  title?: string;
  description?: string;
  credentials?: { fields?: Record<string, Field> };
  triggers?: Record<string, Step>;
  actions?: Record<string, Step>;
}

const root = path.resolve(__dirname, '..', '..');
const componentsDir = path.join(root, 'components');
const components = fs.readdirSync(componentsDir).filter((dir) => fs.existsSync(path.join(componentsDir, dir, 'component.json')));
const TEXT_VIEWS = new Set(['TextFieldView', 'TextAreaView', undefined]);

function loadSchema(dir: string, ref: string | object): object {
  return typeof ref === 'string' ? (JSON.parse(fs.readFileSync(path.join(dir, ref), 'utf8')) as object) : ref;
}

describe('component.json of every component', () => {
  it('finds a component.json in every component folder', () => {
    const folders = fs.readdirSync(componentsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.length).to.be.greaterThan(0);
    expect(components.sort()).to.deep.equal(folders.map((entry) => entry.name).sort());
  });

  for (const id of components) {
    describe(id, () => {
      const dir = path.join(componentsDir, id);
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'component.json'), 'utf8')) as ComponentJson;
      const steps = [...Object.entries(json.triggers ?? {}), ...Object.entries(json.actions ?? {})];

      it('has a title, a description, a logo and a README', () => {
        expect(json.title, 'title').to.be.a('string').and.not.equal('');
        expect(json.description, 'description').to.be.a('string').and.not.equal('');
        expect(fs.existsSync(path.join(dir, 'logo.png')), 'logo.png').to.equal(true);
        expect(fs.existsSync(path.join(dir, 'README.md')), 'README.md').to.equal(true);
      });

      it('has a note on every credential field and a placeholder on every non-secret text field', () => {
        const problems: string[] = [];
        for (const [name, field] of Object.entries(json.credentials?.fields ?? {})) {
          if (!field.note) problems.push(`credentials.${name}: no note`);
          const secret = field.viewClass === 'PasswordFieldView' || field.viewClass === 'OAuthFieldView';
          if (!secret && TEXT_VIEWS.has(field.viewClass) && !field.placeholder) problems.push(`credentials.${name}: no placeholder`);
        }
        expect(problems).to.deep.equal([]);
      });

      it('describes every trigger and action, with a placeholder or prompt on its fields', () => {
        const problems: string[] = [];
        for (const [name, step] of steps) {
          if (!step.title) problems.push(`${name}: no title`);
          if (!step.description) problems.push(`${name}: no description`);
          for (const [fieldName, field] of Object.entries(step.fields ?? {})) {
            if (!field.label) problems.push(`${name}.${fieldName}: no label`);
            if (TEXT_VIEWS.has(field.viewClass) && field.viewClass !== 'TextAreaView' && !field.placeholder)
              problems.push(`${name}.${fieldName}: no placeholder`);
            if (field.viewClass === 'SelectView' && !field.model) problems.push(`${name}.${fieldName}: select without a model`);
          }
        }
        expect(problems).to.deep.equal([]);
      });

      it('points every main at compiled code that exports process', () => {
        for (const [name, step] of steps) {
          expect(step.main, `${name}.main`).to.match(/^\.\/dist\/lib\/.+\.js$/);
          const file = path.join(dir, step.main!);
          expect(fs.existsSync(file), `${name}: ${step.main} exists (npm run build)`).to.equal(true);
          const mod = require(file) as { process?: unknown };
          expect(mod.process, `${name} exports process`).to.be.a('function');
        }
      });

      it('has in and out JSON schemas for every trigger and action, and they compile', () => {
        const ajv = new Ajv({ strict: false, allErrors: true });
        addFormats(ajv);
        for (const [name, step] of steps) {
          for (const kind of ['in', 'out'] as const) {
            const ref = step.metadata?.[kind];
            expect(ref, `${name}.metadata.${kind}`).to.not.equal(undefined);
            const schema = loadSchema(dir, ref!);
            expect(() => ajv.compile(schema), `${name}.metadata.${kind} compiles`).to.not.throw();
          }
        }
      });
    });
  }
});
