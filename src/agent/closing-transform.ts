import type { StreamTextTransform, TextStreamPart, ToolSet } from 'ai';
import { closingSentence, type TurnOutcome } from './closing-sentence.ts';

/**
 * The streamed turn's counterpart of the closing sentence: when the last step streamed no
 * text (the model stopped at the step limit, or answered with nothing), the closing sentence
 * (`closingSentence`, from the tool results the stream carried) is streamed as that step's
 * text, before the step finishes, so the client sees it and the saved thread holds it.
 */
export function closingTransform<TOOLS extends ToolSet>(maxSteps: number): StreamTextTransform<TOOLS> {
  return () => {
    const results: Array<TurnOutcome['results'][number]> = [];
    let steps = 0;
    let stepText = '';
    let stepCalls: string[] = [];
    let failed = false;
    return new TransformStream<TextStreamPart<TOOLS>, TextStreamPart<TOOLS>>({
      transform(part, controller) {
        switch (part.type) {
          case 'start-step':
            steps++;
            stepText = '';
            stepCalls = [];
            break;
          case 'text-delta':
            stepText += part.text;
            break;
          case 'tool-call':
            stepCalls.push(part.toolName);
            break;
          case 'tool-result':
            results.push({ toolName: part.toolName, output: part.output });
            break;
          case 'tool-error':
            results.push({ toolName: part.toolName, output: { error: part.error instanceof Error ? part.error.message : String(part.error) } });
            break;
          case 'error':
          case 'abort':
            failed = true;
            break;
          case 'finish-step': {
            // The last step: the model stopped calling tools, or the limit stops it. (Never held
            // back: the SDK starts the next step only once this part has gone through.)
            const limitReached = steps >= maxSteps && part.finishReason === 'tool-calls';
            const last = part.finishReason !== 'tool-calls' || limitReached;
            if (last && !failed && !stepText.trim()) {
              const id = `closing-${steps}`;
              controller.enqueue({ type: 'text-start', id });
              controller.enqueue({ type: 'text-delta', id, text: closingSentence({ results, lastCalls: stepCalls, limitReached, maxSteps }) });
              controller.enqueue({ type: 'text-end', id });
            }
            break;
          }
        }
        controller.enqueue(part);
      },
    });
  };
}
