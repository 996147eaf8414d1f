export * from './intake.module';
export * from './contract/police-notification.dto';
export * from './contract/parse-police-notification';
export * from './record-police-notification/record-police-notification.command';
