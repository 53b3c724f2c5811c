/** OpenTracing in one picture: everything instruments against one API; tracers plug in below it. */
export function OpenTracingDiagram() {
  const sources = ['Your code', 'OSS packages', 'NGINX · Redis'];
  const tracers = ['Jaeger', 'Zipkin', 'LightStep', 'and more'];
  return (
    <svg
      className="diagram"
      viewBox="0 0 1600 720"
      role="img"
      aria-label="Application code, open-source packages and services all call the vendor-neutral OpenTracing API; tracers such as Jaeger and Zipkin implement it"
    >
      <defs>
        <marker
          id="ot-arrow"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="diagram-arrowhead" />
        </marker>
      </defs>
      {sources.map((s, i) => (
        <g key={s}>
          <rect x={40 + i * 520} y={20} width={480} height={130} rx={14} className="diagram-box" />
          <text x={280 + i * 520} y={102} className="diagram-text" textAnchor="middle">
            {s}
          </text>
          <line
            x1={280 + i * 520}
            y1={152}
            x2={280 + i * 520}
            y2={282}
            className="diagram-line"
            markerEnd="url(#ot-arrow)"
          />
        </g>
      ))}
      <rect
        x={40}
        y={290}
        width={1520}
        height={150}
        rx={14}
        className="diagram-box diagram-accent"
      />
      <text x={800} y={365} className="diagram-text diagram-big" textAnchor="middle">
        OpenTracing API
      </text>
      <text x={800} y={415} className="diagram-text diagram-small" textAnchor="middle">
        vendor-neutral: spans, relations, context propagation
      </text>
      {tracers.map((t, i) => (
        <g key={t}>
          <line
            x1={220 + i * 390}
            y1={442}
            x2={220 + i * 390}
            y2={562}
            className="diagram-line"
            markerEnd="url(#ot-arrow)"
          />
          <rect
            x={50 + i * 390}
            y={570}
            width={340}
            height={120}
            rx={14}
            className="diagram-box diagram-dashed"
          />
          <text x={220 + i * 390} y={645} className="diagram-text" textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
    </svg>
  );
}
