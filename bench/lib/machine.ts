import os from 'node:os';

/** The machine a figure was taken on: figures are only comparable on the same one. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the run started and ended (a shared machine). */
  loadAtStart: number[];
  loadAtEnd?: number[];
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAtStart: os.loadavg().map(round2),
  };
}

export function loadNow(): number[] {
  return os.loadavg().map(round2);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
