/**
 * The LSP lifecycle, enforced on the incoming messages before any handler sees them:
 * - before `initialize`, a request is answered with `ServerNotInitialized` (-32002) and a
 *   notification other than `exit` is dropped (a request used to wait for ever);
 * - after `shutdown`, a request is answered with `InvalidRequest` (-32600) and a notification
 *   other than `exit` is dropped (requests used to be served).
 * Answers to the server's own requests always pass.
 */
import {
    AbstractMessageReader, ErrorCodes, Message, type DataCallback, type Disposable, type MessageReader, type MessageWriter,
    type RequestMessage, type ResponseMessage,
} from 'vscode-jsonrpc';

type Phase = 'before initialize' | 'running' | 'shut down';

/** A message reader that lets through only what the lifecycle allows, answering refused requests itself through `writer`. */
export class LifecycleMessageReader extends AbstractMessageReader implements MessageReader {
    private phase: Phase = 'before initialize';

    constructor(private readonly reader: MessageReader, private readonly writer: MessageWriter) {
        super();
        reader.onError((error) => this.fireError(error));
        reader.onClose(() => this.fireClose());
        reader.onPartialMessage((info) => this.firePartialMessage(info));
    }

    /** True once `shutdown` was received. */
    get shutDown(): boolean {
        return this.phase === 'shut down';
    }

    listen(callback: DataCallback): Disposable {
        return this.reader.listen((message) => {
            if (this.allows(message)) callback(message);
        });
    }

    override dispose(): void {
        super.dispose();
        this.reader.dispose();
    }

    /** True when `message` goes on to the server; a refused request is answered here. */
    private allows(message: Message): boolean {
        if (Message.isResponse(message)) return true;
        const method = (message as { method?: string }).method;
        if (Message.isRequest(message)) {
            if (this.phase === 'before initialize' && method !== 'initialize') {
                this.refuse(message, ErrorCodes.ServerNotInitialized, `The server is not initialized: send 'initialize' before '${method}'.`);
                return false;
            }
            if (this.phase === 'shut down') {
                this.refuse(message, ErrorCodes.InvalidRequest, `The server is shut down: '${method}' is not served after 'shutdown'; send 'exit'.`);
                return false;
            }
            if (method === 'initialize') this.phase = 'running';
            else if (method === 'shutdown') this.phase = 'shut down';
            return true;
        }
        return this.phase === 'running' || method === 'exit';
    }

    private refuse(request: RequestMessage, code: number, message: string): void {
        const response: ResponseMessage = { jsonrpc: '2.0', id: request.id, error: { code, message } };
        void this.writer.write(response);
    }
}
