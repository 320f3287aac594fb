import type { ChatMessageResolvers } from '../src/__generated__/resolvers-types.js';
import { chatSender } from '../src/graph/enums.js';

export const ChatMessage: ChatMessageResolvers = {
  id: (message) => message.messageId,
  sender: (message) => chatSender.fromUpstream(message.sender),
  senderName: (message) => message.senderName,
  text: (message) => message.message,
  sentAt: (message) => message.timestamp,
};
