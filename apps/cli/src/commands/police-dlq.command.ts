import { readFileSync } from 'node:fs';
import { Command, Option, SubCommand } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import { CliContext } from '../cli-context';
import { readDlq, resend, type KafkaSettings } from '../police-dlq/police-dlq';
import { say, table } from '../print';
import { UsageError } from '../usage-error';

function kafkaSettings(cli: CliContext): KafkaSettings {
  const { kafka } = cli.config();
  if (!kafka)
    throw new UsageError(
      'police-dlq needs KAFKA_BROKERS (and KAFKA_NAMESPACE if Homeward uses one)',
    );
  return { brokers: kafka.brokers, namespace: kafka.namespace };
}

@SubCommand({
  name: 'list',
  description:
    'police messages Homeward could not accept, with the reason (values are not shown: they name children)',
})
export class PoliceDlqListCommand extends OperatorCommand {
  constructor(private readonly cli: CliContext) {
    super();
  }

  async run(): Promise<void> {
    const messages = await readDlq(kafkaSettings(this.cli));
    if (messages.length === 0) return say('the police DLQ is empty');
    table(
      ['offset', 'partition', 'key', 'reason', 'failed at', 'original', 'error'],
      messages.map((m) => [
        m.offset,
        m.partition,
        m.key,
        m.headers['x-error-reason'] ?? '',
        m.headers['x-failed-at'] ?? '',
        `${m.headers['x-original-partition'] ?? '?'}/${m.headers['x-original-offset'] ?? '?'}`,
        (m.headers['x-error'] ?? '').slice(0, 160),
      ]),
    );
  }
}

interface ResendOptions {
  partition: number;
  valueFile?: string;
}

@SubCommand({
  name: 'resend',
  arguments: '<offset>',
  description:
    'publish a DLQ message (or its corrected value, --value-file) to the police topic again',
})
export class PoliceDlqResendCommand extends OperatorCommand {
  constructor(private readonly cli: CliContext) {
    super();
  }

  async run([offset]: string[], options: ResendOptions): Promise<void> {
    if (!/^[0-9]+$/.test(offset))
      throw new UsageError(`"${offset}" is not an offset (a whole number)`);
    const value = options.valueFile === undefined ? undefined : readValue(options.valueFile);
    const settings = kafkaSettings(this.cli);
    const message = (await readDlq(settings)).find(
      (m) => m.offset === offset && m.partition === options.partition,
    );
    if (!message) {
      throw new UsageError(
        `the police DLQ has no message at partition ${options.partition} offset ${offset} (see \`police-dlq list\`)`,
      );
    }
    const topic = await resend(settings, message, value ?? message.value);
    say(
      `re-published DLQ ${message.partition}/${offset} (key ${message.key}, ` +
        `${value === undefined ? 'as received' : `corrected from ${options.valueFile}`}) to ${topic}`,
    );
  }

  @Option({ flags: '--partition <n>', description: 'the DLQ partition', defaultValue: 0 })
  parsePartition(value: string): number {
    if (!/^[0-9]+$/.test(value))
      throw new UsageError(`--partition takes a whole number, not "${value}"`);
    return Number(value);
  }

  @Option({
    flags: '--value-file <path>',
    description: 'send this corrected JSON instead of the value received',
  })
  parseValueFile(value: string): string {
    return value;
  }
}

function readValue(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --value-file ${file}: ${(error as Error).message}`);
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--value-file ${file} is not JSON: ${(error as Error).message}`);
  }
  return text;
}

@Command({
  name: 'police-dlq',
  description: 'list or re-publish police messages on the dead-letter topic',
  subCommands: [PoliceDlqListCommand, PoliceDlqResendCommand],
})
export class PoliceDlqCommand extends OperatorCommand {
  async run(): Promise<void> {
    throw new UsageError('police-dlq: say `list` or `resend <offset>`');
  }
}
