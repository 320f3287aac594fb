import type { SessionDetailsResolvers } from '../src/__generated__/resolvers-types.js';

export const SessionDetails: SessionDetailsResolvers = {
  technicianName: (details) => details.technicianName,
  customerName: (details) => details.customerName,
  startedAt: (details) => details.startTime,
  endedAt: (details) => details.endTime ?? null,
  durationSeconds: (details) => details.duration,
  chatMessageCount: (details) => details.chatMessages,
  filesTransferredCount: (details) => details.filesTransferred,
};
